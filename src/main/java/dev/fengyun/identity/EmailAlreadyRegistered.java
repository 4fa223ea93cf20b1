package dev.fengyun.identity;

import dev.fengyun.platform.Conflict;

/** Someone already signed up with this e-mail. */
public class EmailAlreadyRegistered extends Conflict {

    public EmailAlreadyRegistered(String email) {
        super("EMAIL_TAKEN", "An account with " + email + " exists already. Sign in instead.");
    }
}
