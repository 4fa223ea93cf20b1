package dev.fengyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every FENGYUN_* variable the code reads is documented in docs/configuration.md, and vice versa.
 */
class ConfigurationDocsTests {

    private static final Pattern VARIABLE = Pattern.compile("FENGYUN_[A-Z0-9_]+[A-Z0-9]");

    @Test
    void everyVariableInTheCodeIsDocumented() throws IOException {
        Set<String> inCode = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                inCode.addAll(variables(Files.readString(file)));
            }
        }
        Set<String> documented = variables(Files.readString(Path.of("docs/configuration.md")));
        assertThat(documented).containsAll(inCode);
        assertThat(inCode).containsAll(documented);
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
