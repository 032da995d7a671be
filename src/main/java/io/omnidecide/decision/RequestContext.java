package io.omnidecide.decision;

/** What the asking channel tells about the moment: where it asks from and in which language. */
record RequestContext(String channel, String placement, String locale) {
}
