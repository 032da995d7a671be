package io.omnidecide.response;

/** Whether a response was recorded, or was a repeat of one recorded before (counted once). */
public record ResponseResult(String decisionId, String actionId, String outcome, boolean duplicate) {
}
