package si.bankart.prehod.sandbox.rekono.login;

import si.bankart.prehod.sandbox.rekono.account.Account;

/** A login transaction past its password: the account it is for. */
public record AccountStep(LoginTransaction tx, Account account) {
}
