package io.omnidecide.ruleset;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * A model's decisions and functions (business knowledge models, decision services, functions
 * defined in contexts) and which calls or requires which: from the requirement links of the XML
 * and from the calls inside FEEL. A decision must finish in bounded time, so the graph may have no
 * cycle; without one, the work of each node is its own plus that of everything it calls, each time
 * it calls it.
 */
final class DmnCallGraph {

    /** One decision or function: how problems name it, and the DRG element they are located to. */
    record Node(String name, String label, Element element) {
    }

    /** A cycle, as the nodes along it from where it closes. */
    record Cycle(List<Node> nodes, List<String> verbs) {

        String describe() {
            if (nodes.size() == 1) {
                return nodes.get(0).label() + " " + verbs.get(0) + " itself";
            }
            StringBuilder text = new StringBuilder(nodes.get(0).label());
            for (int i = 1; i <= nodes.size(); i++) {
                text.append(i == 1 ? " " : ", which ").append(verbs.get(i - 1)).append(' ').append(nodes.get(i % nodes.size()).label());
            }
            return text.toString();
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, DmnWork> work = new HashMap<>();
    /** From a node to the nodes it reaches, each with how: "calls" or "requires". */
    private final Map<String, Map<String, String>> edges = new HashMap<>();

    void add(String name, String label, Element element) {
        nodes.putIfAbsent(name, new Node(name, label, element));
    }

    /** Adds to what evaluating the node once costs; each function it calls becomes an edge. */
    void addWork(String name, DmnWork more) {
        work.merge(name, more, DmnWork::plus);
        more.calls().keySet().forEach(callee -> link(name, callee, "calls"));
    }

    /** A call says more than a requirement link to the same node, so it is the one a cycle's description uses. */
    void link(String from, String to, String verb) {
        edges.computeIfAbsent(from, f -> new LinkedHashMap<>()).merge(to, verb, (was, now) -> was.equals("calls") ? was : now);
    }

    Node node(String name) {
        return nodes.get(name);
    }

    /** Each cycle once, found by a depth-first walk in document order (iterative: a model may chain thousands of functions). */
    List<Cycle> cycles() {
        List<Cycle> cycles = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        Set<String> done = new HashSet<>();
        for (String start : nodes.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> next = new ArrayDeque<>();
            Set<String> onPath = new HashSet<>();
            path.push(start);
            next.push(targets(start).iterator());
            onPath.add(start);
            while (!path.isEmpty()) {
                if (!next.peek().hasNext()) {
                    String finished = path.pop();
                    next.pop();
                    onPath.remove(finished);
                    done.add(finished);
                    continue;
                }
                String target = next.peek().next();
                if (onPath.contains(target)) {
                    Cycle cycle = cycle(path, target);
                    if (seen.add(new TreeSet<>(cycle.nodes().stream().map(Node::name).toList()))) {
                        cycles.add(cycle);
                    }
                } else if (!done.contains(target) && nodes.containsKey(target)) {
                    path.push(target);
                    next.push(targets(target).iterator());
                    onPath.add(target);
                }
            }
        }
        return cycles;
    }

    /** Every node's work with the work of what it calls added, each time it calls it; only for a graph without cycles. */
    Map<String, DmnWork> resolved() {
        Map<String, DmnWork> resolved = new HashMap<>();
        order().forEach(name -> resolved.put(name, own(name).resolve(resolved)));
        return resolved;
    }

    /** Every node after everything it calls or requires (iterative: a model may chain thousands of functions); only for a graph without cycles. */
    List<String> order() {
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String start : nodes.keySet()) {
            Deque<String> pending = new ArrayDeque<>();
            pending.push(start);
            while (!pending.isEmpty()) {
                String name = pending.peek();
                if (placed.contains(name)) {
                    pending.pop();
                    continue;
                }
                List<String> open = targets(name).stream().filter(t -> !placed.contains(t) && nodes.containsKey(t)).toList();
                if (open.isEmpty()) {
                    placed.add(pending.pop());
                    order.add(name);
                } else {
                    open.forEach(pending::push);
                }
            }
        }
        return order;
    }

    private DmnWork own(String name) {
        return work.getOrDefault(name, DmnWork.NONE);
    }

    private List<String> targets(String name) {
        return List.copyOf(edges.getOrDefault(name, Map.of()).keySet());
    }

    /** The cycle closed by an edge from the top of the path back to {@code target}, in the order it runs. */
    private Cycle cycle(Deque<String> path, String target) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = path.descendingIterator(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals(target) || !names.isEmpty()) {
                names.add(name);
            }
        }
        List<Node> along = names.stream().map(nodes::get).toList();
        List<String> verbs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            verbs.add(edges.get(names.get(i)).get(names.get((i + 1) % names.size())));
        }
        return new Cycle(along, verbs);
    }
}
