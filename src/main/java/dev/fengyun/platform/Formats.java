package dev.fengyun.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and times as the reader expects them, for templates ({@code ${@formats.money(price)}}): in
 * the request's locale, times in the venue's time zone.
 */
@Component("formats")
public class Formats {

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance(money.currency()));
        return format.format(new BigDecimal(money.amount()));
    }

    /**
     * Date and time with the weekday, e.g. "2026年12月31日 星期四 19:30" or "Thu, Dec 31, 2026, 7:30 PM".
     */
    public String dateTime(Instant instant, String timeZone) {
        if (instant == null) {
            return "";
        }
        Locale locale = locale();
        String pattern =
                locale.getLanguage().equals("zh")
                        ? "yyyy年M月d日 EEEE HH:mm"
                        : "EEE, MMM d, yyyy, h:mm a";
        return DateTimeFormatter.ofPattern(pattern, locale)
                .format(instant.atZone(ZoneId.of(timeZone)));
    }

    public String date(Instant instant, String timeZone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale())
                .format(instant.atZone(ZoneId.of(timeZone)));
    }

    public String time(Instant instant, String timeZone) {
        return DateTimeFormatter.ofPattern("HH:mm", locale())
                .format(instant.atZone(ZoneId.of(timeZone)));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
