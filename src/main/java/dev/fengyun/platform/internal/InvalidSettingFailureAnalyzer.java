package dev.fengyun.platform.internal;

import dev.fengyun.platform.InvalidSetting;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad configuration variable as one line naming it, instead of a stack trace. */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSetting cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct " + cause.variable() + "; docs/configuration.md lists every variable.",
                cause);
    }
}
