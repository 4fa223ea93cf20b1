package dev.fengyun.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Message-bundle texts a page's script needs, as a JSON object for a {@code data-messages}
 * attribute: scripts stay free of hard-coded words and follow the page's language.
 */
@Component
public class ClientMessages {

    private final MessageSource messages;
    private final JsonMapper json;

    ClientMessages(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** {@code {"key": text of prefix + key, …}} in the locale. */
    public String json(Locale locale, String prefix, List<String> keys) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : keys) {
            texts.put(key, messages.getMessage(prefix + key, null, key, locale));
        }
        return json.writeValueAsString(texts);
    }
}
