package io.github.dfxclient.transport.feign;

import feign.DeclarativeContract;
import feign.Request;

/** A Feign contract that reads method and path from {@link DfxCall}, so they exist only in the catalogue. */
final class CatalogueContract extends DeclarativeContract {
  CatalogueContract() {
    registerMethodAnnotation(DfxCall.class, (call, data) -> {
      data.template().method(Request.HttpMethod.valueOf(call.value().method()));
      data.template().uri(call.value().path());
    });
  }
}
