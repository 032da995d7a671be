package io.omnidecide.ruleset;

import java.net.URL;
import java.util.List;
import java.util.Set;
import org.mvel2.compiler.AbstractParser;

/**
 * The class loader that rule classes are compiled against and defined under: the second wall
 * behind the allow-list. A generated consequence, an invoker or a constraint that names a class
 * can reach the engine, the fact vocabulary and plain values (java.lang, java.util, java.math,
 * java.time), and nothing that touches processes, threads, files, the network, class loading or
 * reflection; any other class of the service (its database, HTTP or configuration) is not there
 * either. A refused class is absent when rules are compiled and cannot be linked when they run,
 * and MVEL forgets the JDK classes it would otherwise know by their simple names (Runtime, System...).
 */
final class RuleClassFilter extends ClassLoader {

    private static final List<String> ALLOWED_PACKAGES = List.of("java.lang.", "java.util.", "java.math.", "java.time.",
            "org.drools.", "org.kie.", "org.mvel2.", "io.omnidecide.facts.");
    private static final List<String> REFUSED_PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.", "java.lang.ref.",
            "java.lang.instrument.", "java.lang.management.", "java.lang.module.", "java.util.concurrent.", "java.util.jar.",
            "java.util.zip.", "java.util.logging.", "java.util.prefs.", "java.util.spi.", "org.kie.api.io.", "org.drools.io.");
    private static final Set<String> REFUSED_CLASSES = Set.of("java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Process",
            "java.lang.ProcessHandle", "java.lang.System", "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.ClassLoader",
            "java.lang.Module", "java.lang.ModuleLayer", "java.lang.SecurityManager", "java.lang.StackWalker", "java.lang.Shutdown",
            "java.lang.ClassValue", "java.lang.InheritableThreadLocal", "java.util.ServiceLoader", "java.util.Scanner", "java.util.Formatter",
            "java.util.Properties", "java.util.Timer", "java.util.PropertyResourceBundle", "java.util.ResourceBundle");

    static {
        // MVEL, which evaluates constraints, knows some JDK classes by their simple names, with no class loader asked: not these.
        AbstractParser.setupParser();
        for (String name : List.of("System", "Runtime", "ClassLoader", "Thread", "Class", "Array")) {
            AbstractParser.LITERALS.remove(name);
            AbstractParser.CLASS_LITERALS.remove(name);
        }
    }

    RuleClassFilter(ClassLoader parent) {
        super(parent);
    }

    /** Whether rule code may link against the class. */
    static boolean allows(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return ALLOWED_PACKAGES.stream().anyMatch(outer::startsWith)
                && REFUSED_PACKAGES.stream().noneMatch(outer::startsWith)
                && !REFUSED_CLASSES.contains(outer);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!allows(name)) {
            throw new ClassNotFoundException(name + " is not available to rules");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        // The compiler reads class files as resources: a refused class is not there to compile against.
        if (name.endsWith(".class") && !allows(name.substring(0, name.length() - 6).replace('/', '.'))) {
            return null;
        }
        return super.getResource(name);
    }
}
