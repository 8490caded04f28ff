package si.bankart.prehod.health;

/** UP and WARN are ready (WARN asks an operator to look, e.g. a key expiring within 30 days); DOWN is not. */
public enum HealthState {
    UP, WARN, DOWN;

    public boolean ready() {
        return this != DOWN;
    }
}
