package si.bankart.prehod.linking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.opensaml.storage.StorageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import si.bankart.prehod.audit.AuditEvent;
import si.bankart.prehod.audit.AuditLog;
import si.bankart.prehod.linking.ActivationCodes.CodeCheck;
import si.bankart.prehod.login.rekono.RekonoOutcome;
import si.bankart.prehod.storage.RandomIds;
import si.bankart.prehod.storage.RecordStore;
import si.bankart.prehod.storage.Sha256;

/**
 * Links a Rekono account that no bank user has to one, while its login waits: with an activation code the bank
 * issued for that user, or by the user logging in once with their bank certificate in the same browser. The waiting
 * login is known only by a random key the browser holds (stored as its hash); wrong codes are limited per waiting
 * login and per Rekono account; every link and refusal is in the audit trail.
 */
public final class AccountLinking {

    private static final Logger log = LoggerFactory.getLogger(AccountLinking.class);
    private static final String METHOD = "rekono";

    private final AccountLinkingConfig config;
    private final ActivationCodes codes;
    private final AccountLinks links;
    private final RecordStore<AwaitingLink> waiting;
    private final AttemptLimit attempts;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomIds ids;

    /**
     * @param durable  where codes and links live (a file or the shared store), also written by the command line
     * @param sessions where waiting logins and attempt counts live (the IdP's request state)
     */
    public AccountLinking(AccountLinkingConfig config, ActivationCodes codes, AccountLinks links, StorageService durable,
            StorageService sessions, AuditLog audit, Clock clock, RandomIds ids) {
        this.config = config;
        this.codes = codes;
        this.links = links;
        this.waiting = new RecordStore<>(sessions, "awaiting-link", AwaitingLink.class);
        this.attempts = new AttemptLimit(durable, clock);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** Keeps {@code login} waiting for a link; returns the key the browser holds for it. */
    public String await(RekonoOutcome.Unlinked login) {
        String key = ids.token();
        AwaitingLink link = AwaitingLink.of(login, clock.instant().plus(config.linkLifetime()));
        waiting.create(Sha256.hex(key), link, link.expires());
        return key;
    }

    public Optional<AwaitingLink> waiting(String key) {
        return key == null ? Optional.empty() : waiting.read(Sha256.hex(key)).filter(w -> clock.instant().isBefore(w.expires()));
    }

    /**
     * Links with the activation code {@code typed}. The attempt is counted (per login, per account) before the code is
     * checked, each count in one versioned write: concurrent attempts, on any node, check no more codes than the limits.
     */
    public LinkOutcome redeem(String key, String typed, String client) {
        if (waiting(key).isEmpty()) {
            return refuse(LinkRefusal.LINK_EXPIRED, Optional.empty(), null, client);
        }
        Instant now = clock.instant();
        Optional<AwaitingLink> counted = waiting.compute(Sha256.hex(key), current -> current
                .filter(w -> now.isBefore(w.expires()) && w.wrongCodes() < config.maxAttemptsPerLogin())
                .map(AwaitingLink::withWrongCode), AwaitingLink::expires);
        if (counted.isEmpty()) {
            Optional<AwaitingLink> still = waiting(key);
            return refuse(still.isEmpty() ? LinkRefusal.LINK_EXPIRED : LinkRefusal.TOO_MANY_ATTEMPTS, Optional.empty(),
                    still.orElse(null), client);
        }
        AwaitingLink link = counted.get();
        String accountKey = "account:" + Sha256.hex(link.issuer() + "\n" + link.subject());
        if (!attempts.take(accountKey, config.maxAttemptsPerAccount(), config.attemptWindow())) {
            return refuse(LinkRefusal.TOO_MANY_ATTEMPTS, Optional.empty(), link, client);
        }
        CodeCheck check = codes.redeem(typed);
        if (check instanceof CodeCheck.Valid valid) {
            attempts.giveBack(accountKey);
            return link(key, link, valid.userId(), "activation-code", client);
        }
        LinkRefusal reason = check instanceof CodeCheck.Used ? LinkRefusal.USED_CODE
                : check instanceof CodeCheck.Expired ? LinkRefusal.EXPIRED_CODE : LinkRefusal.WRONG_CODE;
        boolean lastTry = link.wrongCodes() >= config.maxAttemptsPerLogin()
                || attempts.exhausted(accountKey, config.maxAttemptsPerAccount());
        return refuse(lastTry ? LinkRefusal.TOO_MANY_ATTEMPTS : reason, lastTry ? Optional.empty() : Optional.of(link),
                link, client);
    }

    /** Links to {@code userId}, whom the browser holding {@code key} has just proved to be with a bank certificate. */
    public LinkOutcome byCertificate(String key, String userId, String client) {
        Optional<AwaitingLink> found = waiting(key);
        if (found.isEmpty()) {
            return refuse(LinkRefusal.LINK_EXPIRED, Optional.empty(), null, client);
        }
        return link(key, found.get(), userId, "certificate", client);
    }

    private LinkOutcome link(String key, AwaitingLink link, String userId, String via, String client) {
        waiting.delete(Sha256.hex(key));
        Instant now = clock.instant();
        if (!links.link(new AccountLink(userId, link.issuer(), link.subject(), link.accountLabel(), now, via))) {
            return refuse(LinkRefusal.ALREADY_LINKED, Optional.empty(), link, client);
        }
        log.info("Rekono account {} linked to user {} by {}", link.subject(), userId, via);
        audit.record(new AuditEvent(now, "account-link", null, userId, METHOD, link.loa().id(), "linked-by-" + via, null,
                client));
        return new LinkOutcome.Linked(link.linkedTo(userId));
    }

    private LinkOutcome refuse(LinkRefusal reason, Optional<AwaitingLink> again, AwaitingLink link, String client) {
        log.info("Rekono account {} not linked: {}", link == null ? "-" : link.subject(), reason);
        audit.record(new AuditEvent(clock.instant(), "account-link", null, null, METHOD, null, reason.name(), null, client));
        return new LinkOutcome.Refused(reason, again);
    }
}
