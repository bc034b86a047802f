package org.reclaim.analysis.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A campaign's {@code results.csv}, open for appending one row per finished cell so that an
 * interrupted campaign loses nothing and leaves no half row:
 * <ul>
 *   <li>each row is one line (messages are made one line), appended with a single
 *       {@code write} on an append-mode channel and then {@link FileChannel#force forced} to disk
 *       before the next cell starts;</li>
 *   <li>on opening, a trailing partial line (a write cut by a kill or a power loss: no line end)
 *       is cut off;</li>
 *   <li>a file written with another column list (an older lab) is rewritten with the current
 *       header, through a temporary file renamed over it.</li>
 * </ul>
 * One writer per file at a time; not thread-safe.
 */
public final class ResultsFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final Set<CellKey> finished = new HashSet<>();

    private ResultsFile(Path path, FileChannel channel, List<ResultRow> rows) {
        this.path = path;
        this.channel = channel;
        rows.forEach(r -> finished.add(r.key()));
    }

    /**
     * Opens (or creates, with its header) the results file at {@code path}, repaired as described above.
     *
     * @throws UncheckedIOException if it cannot be read or written
     */
    public static ResultsFile open(Path path) {
        try {
            if (!Files.exists(path) || Files.size(path) == 0) {
                writeWhole(path, ResultsCsv.headerLine());
            } else {
                cutPartialLine(path);
                String first;
                try (var lines = Files.lines(path, StandardCharsets.ISO_8859_1)) { first = lines.findFirst().orElse(""); }
                if (!(first + "\n").equals(ResultsCsv.headerLine())) {
                    ResultsCsv.Reading old = ResultsCsv.readChecked(path);
                    if (!old.skipped().isEmpty())
                        throw new IllegalArgumentException("cannot rewrite " + path + " with the current columns: "
                                + old.skipped().size() + " of its rows do not read (the first: " + old.skipped().getFirst()
                                + "); mend or remove them first");
                    StringBuilder sb = new StringBuilder(ResultsCsv.headerLine());
                    old.rows().forEach(r -> sb.append(ResultsCsv.line(r)));
                    writeWhole(path, sb.toString());
                }
            }
            List<ResultRow> rows = ResultsCsv.read(path);
            FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new ResultsFile(path, ch, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file at {@code path} exists and has anything after its header line. */
    public static boolean hasRows(Path path) {
        if (!Files.isRegularFile(path)) return false;
        try (var lines = Files.lines(path, StandardCharsets.ISO_8859_1)) {
            return lines.skip(1).anyMatch(l -> !l.isBlank());
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    /** Whether a row for {@code key} is already in the file. */
    public boolean has(CellKey key) {
        return finished.contains(key);
    }

    /** How many distinct cells have a row. */
    public int finishedCount() {
        return finished.size();
    }

    /**
     * Appends {@code row} durably: when this returns, the row is on disk.
     *
     * @throws UncheckedIOException if the write fails
     */
    public void append(ResultRow row) {
        ByteBuffer bytes = ByteBuffer.wrap(ResultsCsv.line(row).getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) channel.write(bytes);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path + ": " + e.getMessage(), e);
        }
        finished.add(row.key());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the file after its last line end (a kill mid-write leaves at most one partial line). */
    private static void cutPartialLine(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size(), end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                ch.read(one, end - 1);
                if (one.get(0) == '\n') break;
                end--;
            }
            if (end < size) {
                ch.truncate(end);
                ch.force(true);
            }
        }
    }

    /**
     * Writes {@code text} as the whole of {@code path}: a temporary file beside it, forced, then
     * renamed over it, so readers see the old file or the new one, never a mix. The file has the
     * user's umask, as any new file.
     */
    public static void writeWhole(Path path, String text) {
        try {
            Path tmp = org.reclaim.analysis.AsideFile.create(path);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
