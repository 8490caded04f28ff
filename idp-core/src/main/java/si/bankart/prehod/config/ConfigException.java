package si.bankart.prehod.config;

import java.nio.file.Path;

/** A configuration file that is missing, unreadable or wrong: start-up stops and says where and what. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    public ConfigException(Path file, String problem) {
        this(file, 0, problem);
    }
}
