package dev.fengyun.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebConfigurationTests {

    @Test
    void picksChineseForAnyChineseVariantAndEnglishOtherwise() {
        assertThat(WebConfiguration.negotiate("zh-CN,zh;q=0.9,en;q=0.8"))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(WebConfiguration.negotiate("zh-TW")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(WebConfiguration.negotiate("fr-FR,en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(WebConfiguration.negotiate("de")).isEqualTo(Locale.ENGLISH);
        assertThat(WebConfiguration.negotiate(null)).isEqualTo(Locale.ENGLISH);
        assertThat(WebConfiguration.negotiate(";;;garbage")).isEqualTo(Locale.ENGLISH);
    }
}
