package dev.fengyun.catalog;

import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.InvalidInput.FieldProblem;
import dev.fengyun.platform.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Consistency of a performance's times, currency and limits. */
final class PerformanceRules {

    private PerformanceRules() {}

    static void check(PerformanceDraft draft, Instant now, boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "NotNull", "must be given"));
            throw new InvalidInput(problems);
        }
        if (creating && !draft.startsAt().isAfter(now)) {
            problems.add(new FieldProblem("startsAt", "Future", "must be in the future"));
        }
        if (draft.doorsOpenAt() != null && draft.doorsOpenAt().isAfter(draft.startsAt())) {
            problems.add(
                    new FieldProblem("doorsOpenAt", "BeforeStart", "must not be after startsAt"));
        }
        if (draft.endsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
            problems.add(new FieldProblem("endsAt", "AfterStart", "must be after startsAt"));
        }
        if (draft.salesStartAt() != null
                && draft.salesEndAt() != null
                && !draft.salesEndAt().isAfter(draft.salesStartAt())) {
            problems.add(
                    new FieldProblem(
                            "salesEndAt", "AfterSalesStart", "must be after salesStartAt"));
        }
        Instant end =
                draft.endsAt() != null
                        ? draft.endsAt()
                        : draft.startsAt().plus(Performance.DEFAULT_LENGTH);
        if (draft.salesEndAt() != null && draft.salesEndAt().isAfter(end)) {
            problems.add(
                    new FieldProblem(
                            "salesEndAt", "BeforeEnd", "must not be after the performance ends"));
        }
        try {
            Money.zero(draft.currency());
        } catch (IllegalArgumentException e) {
            problems.add(
                    new FieldProblem(
                            "currency", "Currency", "must be an ISO 4217 code such as CNY"));
        }
        if (draft.holdMinutes() < 1 || draft.holdMinutes() > 120) {
            problems.add(new FieldProblem("holdMinutes", "Range", "must be between 1 and 120"));
        }
        if (draft.paymentMinutes() < 1 || draft.paymentMinutes() > 1440) {
            problems.add(new FieldProblem("paymentMinutes", "Range", "must be between 1 and 1440"));
        }
        if (draft.maxTicketsPerOrder() < 1 || draft.maxTicketsPerOrder() > 100) {
            problems.add(
                    new FieldProblem("maxTicketsPerOrder", "Range", "must be between 1 and 100"));
        }
        if (draft.maxTicketsPerBuyer() != null
                && (draft.maxTicketsPerBuyer() < 1 || draft.maxTicketsPerBuyer() > 1000)) {
            problems.add(
                    new FieldProblem("maxTicketsPerBuyer", "Range", "must be between 1 and 1000"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
