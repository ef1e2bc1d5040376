package io.github.dfxclient.auths;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of the token a call was sent with, as the server decoded them: what {@link
 * AuthsPort#authenticate()} and {@link AuthsPort#validate()} answer ({@code GET /auth/v1/authenticate}
 * and {@code GET /auth/v1/validate}, operations without an action ID).
 *
 * <p>Wire: {@code {"OrganizationID","ID","Type","SessionGen","Region","exp","iat","iss","RoleID",
 * "Policies":{"LoginUser"},"Permissions":{...}}}, as the official JavaScript client 1.0.73 types the
 * answer (every field declared, none optional or nullable). So every component is required: an
 * answer without one of them, or with {@code null} in it, is a {@link
 * io.github.dfxclient.core.DfxProtocolException} naming the field and the action; no component of a
 * {@code TokenClaims} is ever {@code null}. Strings are as the server sent them (they may be empty);
 * unknown fields, also inside {@code Policies}, are ignored. {@code exp} and {@code iat} are integer
 * seconds since the epoch (a JWT's {@code NumericDate}).
 *
 * <p>{@code permissions} keeps the {@code Permissions} object as it came, nested: JSON objects as
 * unmodifiable {@code Map<String, Object>} in document order, arrays as unmodifiable {@code
 * List<Object>}, strings as {@code String}, integers in the {@code long} range as {@code Long}, other
 * numbers as {@code Double}, booleans as {@code Boolean}, and JSON {@code null} as {@code null}. The
 * constructor copies what it is given into that form ({@code Integer}, {@code Short} and {@code Byte}
 * become {@code Long}, {@code Float} becomes {@code Double}).
 *
 * <p>The claims name the organization, the device or user, and the role: identifiers, not
 * credentials, so {@link #toString()} shows them.
 *
 * @param organizationId the organization the token belongs to ({@code OrganizationID})
 * @param id the device's or user's ID ({@code ID})
 * @param type what the token is for, e.g. {@code device} or {@code user} ({@code Type})
 * @param sessionGen the generation of the session the token belongs to ({@code SessionGen})
 * @param region the region of the account ({@code Region})
 * @param expiresAt when the token expires ({@code exp})
 * @param issuedAt when the token was issued ({@code iat})
 * @param issuer who issued it ({@code iss})
 * @param roleId the role of its holder ({@code RoleID})
 * @param loginUser whether the token may log a user in ({@code Policies.LoginUser})
 * @param permissions what the token may do ({@code Permissions}), nested as described above
 */
public record TokenClaims(String organizationId, String id, String type, long sessionGen, String region,
    Instant expiresAt, Instant issuedAt, String issuer, String roleId, boolean loginUser,
    Map<String, Object> permissions) {

  /**
   * Checks that no component is {@code null} and copies {@code permissions} into its unmodifiable
   * nested form.
   *
   * @param organizationId see the record component
   * @param id see the record component
   * @param type see the record component
   * @param sessionGen see the record component
   * @param region see the record component
   * @param expiresAt see the record component
   * @param issuedAt see the record component
   * @param issuer see the record component
   * @param roleId see the record component
   * @param loginUser see the record component
   * @param permissions see the record component
   * @throws IllegalArgumentException naming the component when one is {@code null}, or when {@code
   *     permissions} holds something that is not a JSON value (a map key that is not a string, a
   *     number that is NaN or infinite, another type)
   */
  public TokenClaims {
    required("organizationId", organizationId);
    required("id", id);
    required("type", type);
    required("region", region);
    required("expiresAt", expiresAt);
    required("issuedAt", issuedAt);
    required("issuer", issuer);
    required("roleId", roleId);
    required("permissions", permissions);
    permissions = copyObject(permissions);
  }

  private static void required(String component, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(component + " must not be null");
    }
  }

  private static Map<String, Object> copyObject(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("permissions must have string keys only");
      }
      copy.put(key, copyValue(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("permissions must not hold NaN or infinite numbers");
      }
      return d;
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : copyValue(b.doubleValue());
    }
    if (value instanceof BigDecimal b) {
      return copyValue(b.doubleValue());
    }
    if (value instanceof Map<?, ?> m) {
      return copyObject(m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object item : l) {
        copy.add(copyValue(item));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException("permissions must hold JSON values only (Map, List, String, Number, Boolean"
        + " or null), not a " + value.getClass().getSimpleName());
  }
}
