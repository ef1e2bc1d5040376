/**
 * The strict JSON codecs of DFX requests and answers, public so that a resource outside dfx-core
 * can describe its own operations: a {@link io.github.dfxclient.core.codec.JsonObjectCodec} is a
 * {@link io.github.dfxclient.core.DfxCodec} for one JSON object, made of typed {@link
 * io.github.dfxclient.core.codec.JsonField} declarations, written and read with jackson-core
 * streaming (no data binding, no reflection).
 *
 * <p>Reading is strict and the same for every body: valid UTF-8, exactly one JSON object, no
 * repeated field, a leading UTF-8 byte-order mark and JSON white space accepted, unknown fields
 * ignored, every declared field present unless declared optional, and {@code null} only where
 * declared nullable. A body that is not one JSON object is a {@link
 * io.github.dfxclient.core.codec.MalformedJsonException}; a field that is missing, null or of the
 * wrong type is a {@link io.github.dfxclient.core.codec.JsonFieldException} naming the field. No
 * message ever quotes a value of the body.
 */
package io.github.dfxclient.core.codec;
