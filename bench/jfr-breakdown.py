#!/usr/bin/env python3
"""Where the service's CPU went, per component: a JFR recording's execution samples and the thread CPU
times read from /proc around it (bench/profile.sh writes both).

  jfr-breakdown.py RECORDING.jfr REQUESTS THREADS_BEFORE THREADS_AFTER [LABEL]

Each jdk.ExecutionSample stack is walked from its top (the running frame) down and given to the
component of the first frame that a rule of RULES matches (the rules are tried in their order on
each frame): the component whose code was running, not its callers ("self" time by component). A
stack none of them matches is tried against FALLBACK the same way. The inclusive table counts, for
each component, the samples with a frame of it anywhere on the stack (callers included, so a
component's callees count for it too; the column does not add up to 100%).

CPU per request: user time of the Java threads, spread over the components by their share of the
samples; kernel time of all threads (JFR samples only threads running Java code, so time in system
calls is not in any sample); GC, JIT compiler, VM and JFR threads by their own user time (from the
thread names in /proc/PID/task/*/comm). Allocation per request: the weights of jdk.ObjectAllocationSample.
"""
import collections
import json
import re
import subprocess
import sys


def frame_in(*prefixes):
    return lambda cls, method: cls.startswith(prefixes)


def methods_of(cls_name, *methods):
    return lambda cls, method: cls == cls_name and method in methods


def any_of(*rules):
    return lambda cls, method: any(rule(cls, method) for rule in rules)


RULES = [
    ("session creation/dispose", any_of(lambda c, m: m in ("newKieSession", "newSession", "dispose"),
                                        methods_of("io.omnidecide.decision.RuleSession", "<init>", "close"))),
    ("rule stages (fireAllRules, phreak)", any_of(lambda c, m: m == "fireAllRules", frame_in("org.drools.core.phreak"))),
    ("DMN", frame_in("org.kie.dmn")),
    ("templating", frame_in("io.omnidecide.message")),
    ("explanation (reasons, views, whyNot)", methods_of("io.omnidecide.decision.DecisionPipeline", "reasons", "addReason", "reason",
                                                        "effectReason", "view", "scoreTerms", "whyNot", "history")),
    ("decision log writes (store.DecisionLog)", frame_in("io.omnidecide.store.DecisionLog")),
    ("auth", frame_in("io.omnidecide.access", "io.quarkus.security")),
    ("metrics", frame_in("io.micrometer")),
    ("logging", frame_in("org.jboss.logging", "org.jboss.logmanager")),
    ("transaction", frame_in("com.arjuna", "io.quarkus.narayana")),
    ("Hibernate", frame_in("org.hibernate")),
    ("database driver, pool", frame_in("org.postgresql", "org.h2", "io.agroal")),
    ("HTTP/REST/JSON", frame_in("io.vertx", "io.netty", "org.jboss.resteasy.reactive", "com.fasterxml.jackson")),
]
FALLBACK = [
    ("rule engine, other (Drools, KIE)", frame_in("org.drools", "org.kie")),
    ("omnidecide, other (facts, pipeline, events)", frame_in("io.omnidecide")),
    ("Quarkus, SmallRye, other", frame_in("io.quarkus", "io.smallrye")),
]
FRAME = re.compile(r"^\s+([\w$.<>]+)\.([\w$<>]+)\(.*\)\s+line:")


def samples(recording):
    """Yields (thread, frames top first as (class, method)) for each execution sample, streamed from `jfr print`."""
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", "512", "--events", "jdk.ExecutionSample", recording],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    thread, frames, in_stack = None, [], False
    for line in proc.stdout:
        if line.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif line.startswith("  sampledThread = "):
            thread = line.split('"')[1] if '"' in line else line.strip()
        elif line.startswith("  stackTrace = ["):
            in_stack = True
        elif in_stack and line.startswith("  ]"):
            in_stack = False
            yield thread, frames
        elif in_stack:
            match = FRAME.match(line)
            if match:
                frames.append((match.group(1), match.group(2)))
    if proc.wait() != 0:
        sys.exit("jfr print failed")


def classify(frames):
    for rules in (RULES, FALLBACK):
        for cls, method in frames:
            for name, rule in rules:
                if rule(cls, method):
                    return name
    return "JDK, other Java"


def allocated_bytes(recording):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "1", "--events", "jdk.ObjectAllocationSample", recording],
                         capture_output=True, text=True, check=True).stdout
    return sum(e["values"]["weight"] for e in json.loads(out)["recording"]["events"])


def thread_kind(name):
    for prefixes, kind in [(("GC Thread", "G1 "), "GC threads"), (("VM Thread", "VM Periodic", "Service Thread", "Sweeper"), "VM threads"),
                           (("C1 Compiler", "C2 Compiler"), "JIT compiler threads"), (("JFR ",), "JFR itself")]:
        if name.startswith(prefixes):
            return kind
    return "java"


def thread_ticks(path):
    """{tid: (name, utime, stime)} from the snapshot bench/profile.sh took of /proc/PID/task."""
    result = {}
    for line in open(path):
        tid, utime, stime, name = line.rstrip("\n").split(" ", 3)
        result[tid] = (name, int(utime), int(stime))
    return result


def main():
    recording, requests, before_path, after_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    label = sys.argv[5] if len(sys.argv) > 5 else recording
    hz = int(subprocess.run(["getconf", "CLK_TCK"], capture_output=True, text=True).stdout)
    before, after = thread_ticks(before_path), thread_ticks(after_path)
    user = collections.Counter()
    system = 0
    for tid, (name, utime, stime) in after.items():
        _, u0, s0 = before.get(tid, (name, 0, 0))
        user[thread_kind(name)] += utime - u0
        system += stime - s0
    per_request = lambda ticks: ticks * 1000 / hz / max(requests, 1)
    total = per_request(sum(user.values()) + system)

    self_counts, inclusive, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    count = 0
    for thread, frames in samples(recording):
        if thread and thread.startswith("JFR "):
            continue
        count += 1
        self_counts[classify(frames)] += 1
        seen = {name for cls, method in frames for name, rule in RULES + FALLBACK if rule(cls, method)}
        inclusive.update(seen)
        if frames:
            leaves["%s.%s" % frames[0]] += 1
    java_ms = per_request(user["java"])

    print(f"== {label}: {requests:,} requests; service CPU {total:.3f} ms per request "
          f"(user {per_request(sum(user.values())):.3f}, kernel {per_request(system):.3f} = {per_request(system) / total:.0%}); "
          f"{count:,} execution samples")
    print()
    print("| component (code running: first matching frame from the top) | share of samples | ms per request | inclusive share |")
    print("|---|---|---|---|")
    for name, n in self_counts.most_common():
        print(f"| {name} | {n / count:.1%} | {java_ms * n / count:.3f} | {inclusive.get(name, 0) / count:.1%} |")
    for kind in ("GC threads", "VM threads", "JIT compiler threads", "JFR itself"):
        if user[kind]:
            print(f"| {kind} (no Java frame; their user time) | - | {per_request(user[kind]):.3f} | - |")
    print(f"| kernel (system time, all threads) | - | {per_request(system):.3f} | - |")
    print(f"| total | | {total:.3f} | |")
    print()
    try:
        print(f"allocation: {allocated_bytes(recording) / max(requests, 1) / 1024:,.0f} KB per request (jdk.ObjectAllocationSample weights)")
    except (subprocess.CalledProcessError, KeyError, ValueError) as e:
        print(f"allocation: not read ({e})")
    print()
    print("hottest running methods (top frame):")
    for method, n in leaves.most_common(15):
        print(f"  {n / count:6.1%}  {method}")


if __name__ == "__main__":
    main()
