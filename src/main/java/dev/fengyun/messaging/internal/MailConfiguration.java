package dev.fengyun.messaging.internal;

import dev.fengyun.platform.DatabaseMode;
import dev.fengyun.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses how messages leave: SMTP when configured, the capture on a development machine. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailSettings mailSettings(Settings settings) {
        return MailSettings.from(settings);
    }

    @Bean
    MailTransport mailTransport(MailSettings settings, DatabaseMode mode) {
        if (settings.smtpHost().isPresent()) {
            log.info(
                    "E-mail goes through {}:{} ({})",
                    settings.smtpHost().get(),
                    settings.smtpPort(),
                    settings.tls());
            return MailTransport.smtp(settings);
        }
        if (mode == DatabaseMode.EMBEDDED) {
            log.info("No FENGYUN_SMTP_HOST: e-mails are captured and shown at /dev/mail");
            return new CapturedMail();
        }
        log.warn("FENGYUN_SMTP_HOST is not set: e-mails wait in the outbox until it is");
        return MailTransport.none();
    }
}
