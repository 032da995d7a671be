package io.omnidecide.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The rendered copy for the channel: e-mail uses subject, push a title, SMS only the body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageContent(String language, String subject, String title, String body, String cta, String url) {
}
