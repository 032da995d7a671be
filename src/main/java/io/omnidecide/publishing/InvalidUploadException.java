package io.omnidecide.publishing;

import io.omnidecide.problem.ProblemException;

/** An upload that cannot become a ruleset: not a rule file, a zip that is not one, too large. */
public class InvalidUploadException extends ProblemException {

    private InvalidUploadException(int status, String type, String title, String file, String detail) {
        super(status, type, title, detail);
        with("file", file);
    }

    public static InvalidUploadException invalid(String file, String detail) {
        return new InvalidUploadException(400, "invalid-upload", "The upload is not a ruleset", file, detail);
    }

    public static InvalidUploadException tooLarge(String file, String detail) {
        return new InvalidUploadException(413, "upload-too-large", "The upload is too large", file, detail);
    }
}
