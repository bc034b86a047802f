package org.reclaim.analysis;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary file a whole-file write goes to before it is renamed over its target. Unlike
 * {@link Files#createTempFile}, which makes files readable by their owner only (0600), it is
 * created plainly, so the renamed file has the permissions the user's umask gives any new file.
 */
public final class AsideFile {
    private AsideFile() {}

    /** A new empty file beside {@code target} (its folder created if needed), named after it. */
    public static Path create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }
}
