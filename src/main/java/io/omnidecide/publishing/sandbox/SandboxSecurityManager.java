package io.omnidecide.publishing.sandbox;

import java.io.FilePermission;
import java.net.NetPermission;
import java.net.SocketPermission;
import java.net.URLPermission;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkPermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;

/**
 * Installed in a build process after it has its job and before it reads the draft. It refuses,
 * whoever asks, what no build needs: the network (sockets, name lookups, HTTP, Unix domain
 * sockets), running programs, handles on or attaching to other processes, native libraries, file
 * links, writing outside the working directory, reading outside it, the JDK and the classpath,
 * more than a few threads, and replacing itself. The whole process is refused, not only rule
 * code, so no caller has to be told apart. Reflection and class loaders stay open: Drools and MVEL
 * need them, and the static checks of a ruleset keep them out of rule code.
 */
@SuppressWarnings("removal") // The security manager is how Java 17 confines a process from within; see docs/rulesets.md.
final class SandboxSecurityManager extends SecurityManager {

    private final Path scratch;
    private final List<Path> readable;
    private final int maxThreads;
    // Found once: ThreadGroup.getParent() asks this manager, which would ask again.
    private final ThreadGroup rootGroup;

    SandboxSecurityManager(Path scratch, List<Path> readable, int maxThreads) {
        this.scratch = scratch.toAbsolutePath().normalize();
        this.readable = readable.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxThreads = maxThreads;
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        this.rootGroup = group;
    }

    @Override
    public void checkPermission(Permission permission) {
        String refused = refused(permission);
        if (refused != null) {
            throw new SecurityException("the build sandbox does not allow " + refused);
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    /** Asked for every new thread: a flood of threads would take the host's memory and process slots. */
    @Override
    public void checkAccess(ThreadGroup group) {
        if (rootGroup.activeCount() >= maxThreads) {
            throw new SecurityException("the build sandbox does not allow more than " + maxThreads + " threads");
        }
    }

    private String refused(Permission permission) {
        if (permission instanceof SocketPermission || permission instanceof URLPermission) {
            return "network connections or name lookups";
        }
        if (permission instanceof NetPermission && "accessUnixDomainSocket".equals(permission.getName())) {
            return "Unix domain sockets";
        }
        if (permission instanceof FilePermission) {
            return refusedFile(permission.getName(), permission.getActions());
        }
        if (permission instanceof LinkPermission) {
            return "file links";
        }
        if (permission instanceof RuntimePermission) {
            return refusedRuntime(permission.getName());
        }
        if ("com.sun.tools.attach.AttachPermission".equals(permission.getClass().getName())) {
            return "attaching to Java processes";
        }
        return null;
    }

    private String refusedRuntime(String name) {
        if (name.equals("setSecurityManager")) {
            return "replacing its security manager";
        }
        if (name.equals("manageProcess") && !askedFor("java.lang.ProcessHandleImpl", "current")) {
            // Its own process id is harmless (logging reads it); a handle on another process could kill it.
            return "handles on other processes";
        }
        if (name.startsWith("loadLibrary.")) {
            return "native libraries";
        }
        return null;
    }

    private String refusedFile(String name, String actions) {
        if (actions.contains("execute")) {
            return "running programs";
        }
        Path path = resolve(name);
        boolean inScratch = path != null && path.startsWith(scratch);
        if ((actions.contains("write") || actions.contains("delete")) && !inScratch) {
            return "writing " + name + ": only its working directory is writable";
        }
        if (!inScratch && (path == null || readable.stream().noneMatch(path::startsWith))) {
            return "reading " + name + ": only its working directory, the JDK and the classpath are readable";
        }
        return null;
    }

    /** Whether the permission is checked by that method itself (the frame next to this manager's own). */
    private static boolean askedFor(String className, String methodName) {
        return StackWalker.getInstance().walk(frames -> frames
                .dropWhile(frame -> frame.getClassName().equals(SandboxSecurityManager.class.getName()))
                .findFirst().map(frame -> frame.getClassName().equals(className) && frame.getMethodName().equals(methodName))
                .orElse(false));
    }

    /** The file a permission names, relative ones in the working directory; null for none or all. */
    private Path resolve(String name) {
        if (name.equals("<<ALL FILES>>")) {
            return null;
        }
        try {
            Path path = Path.of(name);
            return (path.isAbsolute() ? path : scratch.resolve(path)).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
