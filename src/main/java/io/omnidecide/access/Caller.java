package io.omnidecide.access;

import java.util.Set;

/** Who is calling: the key's name, its roles (an admin holds all), and its requests per second. */
public record Caller(String keyName, Set<String> roles, int rateLimit) {
}
