package io.github.dfxclient.core;

/**
 * What listeners store on one call or one renew ({@link DfxCallContext#attribute}, {@link
 * DfxRenewContext#attribute}): values under keys compared by identity.
 * Not thread-safe by itself: its owner (the context, whose public methods are {@code synchronized})
 * guards it. A listener or two store a value each, so a flat array searched in order beats a map.
 */
final class ListenerAttributes {
  private Object[] entries;

  /**
   * @param key the listener's key
   * @return the value stored under {@code key}, or {@code null}
   */
  Object get(Object key) {
    Object[] a = entries;
    if (a != null) {
      for (int i = 0; i < a.length; i += 2) {
        if (a[i] == key) {
          return a[i + 1];
        }
      }
    }
    return null;
  }

  /**
   * Stores {@code value} under {@code key}, replacing the one there.
   *
   * @param key the listener's key, not {@code null}
   * @param value the value
   * @throws IllegalArgumentException when {@code key} is {@code null}
   */
  void put(Object key, Object value) {
    if (key == null) {
      throw new IllegalArgumentException("key must not be null");
    }
    Object[] a = entries;
    if (a == null) {
      entries = new Object[] {key, value};
      return;
    }
    for (int i = 0; i < a.length; i += 2) {
      if (a[i] == key) {
        a[i + 1] = value;
        return;
      }
    }
    Object[] grown = java.util.Arrays.copyOf(a, a.length + 2);
    grown[a.length] = key;
    grown[a.length + 1] = value;
    entries = grown;
  }
}
