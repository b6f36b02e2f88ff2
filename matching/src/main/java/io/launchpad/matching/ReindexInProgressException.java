package io.launchpad.matching;

/** A reindex was asked for while one is still running on this instance. */
public class ReindexInProgressException extends RuntimeException {

    public ReindexInProgressException() {
        super("A reindex is already running");
    }

}
