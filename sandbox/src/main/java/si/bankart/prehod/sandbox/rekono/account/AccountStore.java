package si.bankart.prehod.sandbox.rekono.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The stand-in's accounts, in memory: loaded from the accounts file, extended by registration and enrolment. */
public final class AccountStore {

    private final ConcurrentMap<String, Account> byEmail = new ConcurrentHashMap<>();

    public AccountStore(List<Account> initial) {
        for (Account account : initial) {
            if (byEmail.putIfAbsent(key(account.email()), account) != null) {
                throw new IllegalArgumentException("two accounts with e-mail " + account.email());
            }
        }
    }

    public Optional<Account> byEmail(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(key(email)));
    }

    public Optional<Account> bySub(String sub) {
        return byEmail.values().stream().filter(a -> a.sub().equals(sub)).findFirst();
    }

    /** Adds a new account; false when the e-mail is already taken. */
    public boolean add(Account account) {
        return byEmail.putIfAbsent(key(account.email()), account) == null;
    }

    public void replace(Account account) {
        byEmail.put(key(account.email()), account);
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
