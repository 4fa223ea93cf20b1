package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MoneyTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void keepsMinorUnitsAndWritesDecimalStrings() {
        Money price = Money.parse("380.5", "CNY");
        assertThat(price.minor()).isEqualTo(38050);
        assertThat(json.writeValueAsString(price))
                .isEqualTo("{\"amount\":\"380.50\",\"currency\":\"CNY\"}");
        assertThat(json.readValue("{\"amount\":380,\"currency\":\"CNY\"}", Money.class))
                .isEqualTo(Money.of(38000, "CNY"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("1.005", "CNY"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("100.5", "JPY"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.parse("1500", "JPY").amount()).isEqualTo("1500");
        assertThat(Money.parse("2.50", "CNY").times(3).plus(Money.of(1, "CNY")).amount())
                .isEqualTo("7.51");
    }

    @Test
    void refusesUnknownCurrenciesAndMixing() {
        assertThatThrownBy(() -> Money.of(1, "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
