package io.llmgate.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records every java.util.logging record published while open, at every level. {@link System.Logger}
 * routes to java.util.logging by default, so this sees the gateway's own log lines. Close it to detach.
 */
public final class CapturedLogs implements AutoCloseable {
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs() {
        previousLevel = root.getLevel();
        handler.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static CapturedLogs capture() {
        return new CapturedLogs();
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Each record's message with its parameters filled in. */
    public List<String> messages() {
        return records.stream().map(FORMATTER::formatMessage).toList();
    }

    /** Everything a record could print: raw and formatted message, parameters, and the thrown chain. */
    public List<String> everything() {
        List<String> texts = new ArrayList<>();
        for (LogRecord record : records) {
            texts.add(String.valueOf(record.getMessage()));
            texts.add(FORMATTER.formatMessage(record));
            if (record.getParameters() != null) {
                texts.add(Arrays.toString(record.getParameters()));
            }
            texts.addAll(Throwables.texts(record.getThrown()));
        }
        return texts;
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousLevel);
    }
}
