package dev.fengyun.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in minor units (fen, cents) of an ISO 4217 currency. In JSON it is {@code
 * {"amount":"380.00","currency":"CNY"}}: a decimal string, exact and unambiguous about the unit.
 */
public record Money(@JsonIgnore long minor, String currency) {

    public static final String DEFAULT_CURRENCY = "CNY";

    public Money {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(
                    "currency must be an ISO 4217 code, got " + currency);
        }
        Currency.getInstance(currency);
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /**
     * Reads {@code {"amount":"380.00","currency":"CNY"}}; the amount may also be a JSON number.
     *
     * @throws IllegalArgumentException when the amount has more decimals than the currency allows
     */
    @JsonCreator
    public static Money parse(
            @JsonProperty("amount") Object amount, @JsonProperty("currency") String currency) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        String code = currency == null ? DEFAULT_CURRENCY : currency;
        int digits = fractionDigits(code);
        BigDecimal value = new BigDecimal(amount.toString().trim());
        if (value.scale() > digits && value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(
                    "amount has more than " + digits + " decimals for " + code);
        }
        return new Money(
                value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY).longValueExact(),
                code);
    }

    /** The decimal amount, e.g. {@code "380.00"}. */
    @JsonProperty("amount")
    public String amount() {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    @JsonIgnore
    public boolean isZero() {
        return minor == 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return minor < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency + " and " + other.currency);
        }
    }

    private static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return amount() + " " + currency;
    }
}
