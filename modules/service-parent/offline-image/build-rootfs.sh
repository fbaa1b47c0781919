#!/usr/bin/env bash
# Builds the file system of Nova's offline image (the Maven profile "offline-image", docs/images.md).
#
# The image starts FROM scratch, so nothing comes from a registry: this script makes everything the JVM needs to
# run there, from the JDK that runs Maven. JKube's jib build then turns the output into image layers:
#
#   <out>/native/  executables and shared libraries (mode 0755): the JRE's launchers and native libraries, plus the
#                  C libraries and dynamic loader of this machine that they link against, at their absolute paths
#                  (scratch has no libc)
#   <out>/files/   everything else (mode 0644): the rest of the JRE, /etc/passwd, /etc/group, /etc/nsswitch.conf
#   <out>/tmp/     an empty /tmp (mode 0777) for `docker run`; in Kubernetes /tmp is an emptyDir
#
# Usage: build-rootfs.sh <jdk home> <comma-separated JRE modules> <out> <uid> <gid> [<jar with executables>]
#
# The optional jar holds native executables the service unpacks and runs itself (media-service: JavaCPP's ffmpeg);
# the C libraries they need that the jar does not carry are added the same way as the JRE's.
set -euo pipefail

jdk=$1 modules=$2 out=$3 uid=$4 gid=$5 native_jar=${6:-}
jre_path=/opt/jre

rm -rf "$out"
mkdir -p "$out/native" "$out/files/etc" "$out/tmp"
jre="$out/jlink"

"$jdk/bin/jlink" --add-modules "$modules" --output "$jre" \
    --strip-debug --no-header-files --no-man-pages

# java.desktop is in the list for java.beans (Jackson and others use it), not for a GUI: drop the native code for
# windows, sound, fonts and image codecs, which would drag X11, ALSA, freetype and friends into the image.
# Java code that needs them fails with UnsatisfiedLinkError, which a headless server never reaches.
for lib in libawt_xawt libjawt libsplashscreen libjsound libfontmanager libjavajpeg liblcms; do
    rm -f "$jre/lib/$lib.so"
done

is_elf() {
    [[ "$(od -An -tx1 -N4 "$1" | tr -d ' \n')" == 7f454c46 ]]
}

# Split the JRE in two; copy symlinks (jlink links the legal notices) as the files they point to.
(cd "$jre" && find . -type f -o -type l) | sort | while read -r file; do
    if is_elf "$jre/$file"; then layer=native; else layer=files; fi
    mkdir -p "$(dirname "$out/$layer$jre_path/$file")"
    cp -L "$jre/$file" "$out/$layer$jre_path/$file"
done
rm -rf "$jre"

# Every shared library the JRE's ELF files need that the JRE does not have itself, with the dynamic loader: ldd
# prints the full closure. libjvm.so is the one "not found": the launcher opens it from lib/server/ by itself.
find "$out/native$jre_path" -type f | sort | while read -r elf; do
    ldd_out=$(ldd "$elf" 2>&1) || continue   # "not a dynamic executable": nothing to add
    if grep 'not found' <<<"$ldd_out" | grep -v 'libjvm\.so' >&2; then
        echo "build-rootfs.sh: $elf needs a library this machine does not have" >&2
        exit 1
    fi
    sed -n -e 's/^.*=> \(\/[^ ]*\) (0x.*$/\1/p' -e 's/^[[:space:]]*\(\/[^ ]*\) (0x.*$/\1/p' <<<"$ldd_out"
done | grep -v "^$out/" | sort -u | while read -r lib; do
    mkdir -p "$(dirname "$out/native$lib")"
    cp -L "$lib" "$out/native$lib"
done

# The jar's ELF files, unpacked only to ask ldd; their own libraries are found beside them (LD_LIBRARY_PATH, as the
# service runs them), so what ldd resolves elsewhere is what the image must add. A library this machine lacks fails
# the build, as for the JRE. Links the service makes at run time (libva.so.2 -> libva.so) are made here too.
if [[ -n "$native_jar" ]]; then
    unpacked="$out/native-jar"
    mkdir -p "$unpacked"
    (cd "$unpacked" && "$jdk/bin/jar" xf "$native_jar")
    # The JNI wrappers (libjni*) are never loaded: the service only runs the executables.
    find "$unpacked" -type f ! -name 'libjni*' | while read -r elf; do
        is_elf "$elf" || continue
        dir=$(dirname "$elf")
        for lib in libva libva-drm; do
            if [[ -e "$dir/$lib.so" ]]; then ln -sf "$lib.so" "$dir/$lib.so.2"; fi
        done
        ldd_out=$(LD_LIBRARY_PATH="$dir" ldd "$elf" 2>&1) || continue
        if grep 'not found' <<<"$ldd_out" >&2; then
            echo "build-rootfs.sh: $elf (from $native_jar) needs a library this machine does not have" >&2
            exit 1
        fi
        sed -n -e 's/^.*=> \(\/[^ ]*\) (0x.*$/\1/p' <<<"$ldd_out"
    done | grep -v "^$unpacked/" | sort -u | while read -r lib; do
        mkdir -p "$(dirname "$out/native$lib")"
        [[ -e "$out/native$lib" ]] || cp -L "$lib" "$out/native$lib"
    done
    rm -rf "$unpacked"
fi

# The user the image runs as (the Deployment's runAsUser), so that the JVM and glibc can name it. Its home is /tmp,
# the only writable directory of a read-only root file system.
cat >"$out/files/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
nova:x:$uid:$gid:nova:/tmp:/sbin/nologin
EOF
cat >"$out/files/etc/group" <<EOF
root:x:0:
nova:x:$gid:
EOF
# Without it glibc asks DNS before /etc/hosts, even for localhost.
cat >"$out/files/etc/nsswitch.conf" <<EOF
passwd: files
group:  files
hosts:  files dns
EOF
