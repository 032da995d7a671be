package io.omnidecide.profile;

/** A consent statement for one channel as a client sends it. */
public record ConsentUpdate(String status, String source) {
}
