/** omnidecide: one next-best-action service for every channel. */
package io.omnidecide;
