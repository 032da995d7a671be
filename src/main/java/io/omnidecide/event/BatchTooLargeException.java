package io.omnidecide.event;

import io.omnidecide.problem.ProblemException;

public class BatchTooLargeException extends ProblemException {

    public BatchTooLargeException(int size, int max) {
        super(413, "batch-too-large", "Too many events in one request",
                "the batch has " + size + " events; send at most " + max + " per request");
        with("maxBatchSize", max);
    }
}
