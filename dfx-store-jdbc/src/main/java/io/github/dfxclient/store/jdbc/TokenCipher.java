package io.github.dfxclient.store.jdbc;

import io.github.dfxclient.session.TokenKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Tokens at rest, AES-GCM from the JDK (NIST SP 800-38D): a random 96-bit IV per value, a 128-bit
 * tag, and the row's principal and kind as associated data, so a value copied to another row does
 * not decrypt. Stored as {@code enc1:} + Base64(IV || ciphertext || tag). Without a key, values are
 * stored as they are. Messages never hold a value or the key.
 */
final class TokenCipher {
  private static final String PREFIX = "enc1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  /** @param key an AES key, or {@code null} to store tokens in clear */
  TokenCipher(SecretKey key) {
    this.key = key;
  }

  boolean encrypts() {
    return key != null;
  }

  /** @return {@code value} as stored in the row of {@code row} */
  String seal(TokenKey row, String value) {
    if (key == null) {
      return value;
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(row));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return PREFIX + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("token store: could not encrypt (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * @return the value a row holds, decrypted
   * @throws IllegalStateException when it cannot be read with this store's key (or lack of one)
   */
  String open(TokenKey row, String stored) {
    boolean encrypted = stored.startsWith(PREFIX);
    if (key == null && !encrypted) {
      return stored;
    }
    if (key == null) {
      throw new IllegalStateException("token store: the " + row + " pair is encrypted at rest; configure the"
          + " store with its encryptionKey");
    }
    if (!encrypted) {
      throw new IllegalStateException("token store: the " + row + " pair is stored unencrypted although an"
          + " encryptionKey is configured; set the pair again to encrypt it");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(aad(row));
      return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("token store: the encryption key does not decrypt the " + row
          + " pair (a wrong key, or the row was altered)", e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("token store: the " + row + " pair cannot be decrypted ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static byte[] aad(TokenKey row) {
    return (row.principal() + "|" + row.kind().name()).getBytes(StandardCharsets.UTF_8);
  }
}
