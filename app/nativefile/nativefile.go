// Package nativefile gives kit.Native the operating system's own file
// dialog where one is available: on Linux the XDG desktop portal
// (org.freedesktop.portal.FileChooser over D-Bus, answered by GNOME, KDE
// and the other desktops' portal backends), with no C libraries. Where no
// portal answers (a bare X server, no session bus), Open fails and the
// app falls back to Fyne's dialog. Other systems get nil for now: Fyne's
// dialog.
package nativefile
