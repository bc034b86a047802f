package org.reclaim.lab.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.reclaim.lab.input.BadInput;

/**
 * Ownership of a results folder by one campaign (or merge) at a time: {@code DIR/campaign.lock},
 * held with an operating-system lock for as long as the owner runs and naming it (pid, host,
 * since when). The operating system releases the lock when its owner ends, however it ends
 * (SIGKILL and power loss included), so a lock left by a dead owner is stale by construction and
 * the next campaign simply takes it; the file itself stays, naming its last owner.
 *
 * <p>The file is never deleted: deleting it could let two newcomers lock two different files of
 * the same name.
 */
final class ResultsFolderLock implements AutoCloseable {
    /** The lock file's name inside a results folder. */
    static final String FILE_NAME = "campaign.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ResultsFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder {@code dir} (which must exist) for {@code what} ("campaign demo").
     *
     * @throws BadInput naming the owner when another process holds it
     */
    static ResultsFolderLock take(Path dir, String what) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock results folder " + dir + ": " + e.getMessage(), e);
        }
        try {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;                 // this very JVM holds it: another runner in the same process
            }
            if (l == null) {
                String owner = owner(ch);
                ch.close();
                throw new BadInput("results folder " + dir + " is in use by " + (owner.isEmpty() ? "another campaign" : owner)
                        + "; wait for it to end, or give another --out");
            }
            String me = what + " (pid " + ProcessHandle.current().pid() + " on " + host() + ", since " + Instant.now() + ")";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new ResultsFolderLock(ch, l);
        } catch (IOException e) {
            try { ch.close(); } catch (IOException ignored) { }
            throw new UncheckedIOException("cannot lock results folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Who holds the lock, as its file says; empty while the owner has not written it yet. */
    private static String owner(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(512);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unnamed host";
        }
    }

    /** Gives the folder up. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
