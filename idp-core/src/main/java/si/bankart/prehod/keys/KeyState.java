package si.bankart.prehod.keys;

/**
 * Where a signing key is in its rollover: NEXT is published in our metadata but not used yet, ACTIVE signs, PREVIOUS
 * is still published (portals may hold assertions it signed) until it is retired.
 */
public enum KeyState {
    NEXT, ACTIVE, PREVIOUS
}
