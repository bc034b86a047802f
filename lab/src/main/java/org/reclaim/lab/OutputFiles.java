package org.reclaim.lab;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.reclaim.lab.input.BadInput;

/** The files {@code lab run} writes (--hlog, --timeline, --jfr): checked before the run, and given the user's umask. */
final class OutputFiles {
    private OutputFiles() {}

    /** Writes one recording. */
    interface Writer { void write() throws IOException; }

    /**
     * Checks, before anything runs, that {@code file} can be written: not a folder, and its folder
     * existing (or creatable) and writable.
     *
     * @throws BadInput saying which of these fails
     */
    static void checkWritable(Path file) {
        if (Files.isDirectory(file)) throw new BadInput(file + " is a folder; give a file name to write");
        Path dir = file.toAbsolutePath().getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing))
            throw new BadInput("cannot write " + file + ": " + existing + " is not a folder");
        if (!Files.isWritable(existing) || (Files.exists(file) && !Files.isWritable(file)))
            throw new BadInput("cannot write " + file + ": " + (Files.exists(file) ? file : existing) + " is not writable");
    }

    /** The system's reason for {@code e}, short: "No space left on device", "Read-only file system". */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
        if (e instanceof AccessDeniedException) return "permission denied";
        return String.valueOf(e.getMessage());
    }

    /**
     * Gives {@code file} the permissions a new file gets under the user's umask (a JFR dump or a
     * temporary file is made 0600 whatever the umask): those of a fresh file created beside it.
     */
    static void applyUmask(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) return;
        Path probe = file.resolveSibling("." + file.getFileName() + ".mode-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(probe);
            Files.setPosixFilePermissions(file, umasked);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
