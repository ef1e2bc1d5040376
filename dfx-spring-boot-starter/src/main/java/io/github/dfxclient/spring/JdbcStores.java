package io.github.dfxclient.spring;

import io.github.dfxclient.session.TokenStore;
import io.github.dfxclient.store.jdbc.JdbcTokenStore;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/** Builds the JDBC token store from {@code dfx.store.*}; loaded only when dfx-store-jdbc is present. */
final class JdbcStores {
  private JdbcStores() {}

  static TokenStore build(DfxProperties.Store store, DataSource dataSource) {
    JdbcTokenStore.Builder b = JdbcTokenStore.builder().dataSource(dataSource);
    DfxAutoConfiguration.setting("dfx.store.table", () -> b.table(store.getTable()));
    DfxAutoConfiguration.setting("dfx.store.lease-duration", () -> b.leaseDuration(store.getLeaseDuration()));
    String key = store.getEncryptionKey();
    if (key == null || key.isBlank()) {
      DfxAutoConfiguration.log().warn("dfx: dfx.store.encryption-key is not set: the token pairs in table {} of the"
          + " application's DataSource are stored in clear. Set it to a Base64 AES key (16, 24 or 32 bytes)"
          + " from your secret store to encrypt them", store.getTable());
    } else {
      b.encryptionKey(aesKey(key));
    }
    return b.build();
  }

  /** @throws IllegalStateException naming the property, never quoting the key */
  private static SecretKeySpec aesKey(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("dfx.store.encryption-key must be Base64 (of an AES key of 16, 24 or 32"
          + " bytes); it is not Base64", null);
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalStateException("dfx.store.encryption-key must be a Base64 AES key of 16, 24 or 32 bytes;"
          + " it decodes to " + bytes.length + " bytes");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
