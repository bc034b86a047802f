package org.reclaim.lab.campaign;

import java.nio.file.Path;

/** A second process for the tests: takes a results folder as a campaign would, says so, and waits to be killed. */
final class HoldResultsFolder {
    private HoldResultsFolder() {}

    public static void main(String[] args) throws InterruptedException {
        ResultsFolderLock.take(Path.of(args[0]), "campaign held-by-a-test");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
