package si.bankart.prehod.web.logging;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import si.bankart.prehod.config.LoggingConfig;

/**
 * Hands conf/idp.yaml's {@code logging:} section to logback.xml before the first logger exists. System properties are
 * the channel logback reads at its start; they are set once per process, by Main, and never changed afterwards.
 */
public final class LogFiles {

    private LogFiles() {
    }

    public static void use(Path home, LoggingConfig logging) {
        System.setProperty("prehod.log.dir", home.resolve(logging.directory()).toAbsolutePath().normalize().toString());
        System.setProperty("prehod.log.maxFileSize", logging.maxFileSize());
        System.setProperty("prehod.log.maxHistory", Integer.toString(logging.maxHistory()));
        System.setProperty("prehod.log.totalSizeCap", logging.totalSizeCap());
        System.setProperty("prehod.audit.maxHistory", Integer.toString(logging.auditMaxHistory()));
        System.setProperty("prehod.audit.totalSizeCap", logging.auditTotalSizeCap());
        System.setProperty("prehod.audit.format", logging.auditFormat());
        // Logback starts here, on this thread, before OpenSAML's background start could race it to the first logger.
        LoggerFactory.getILoggerFactory();
    }
}
