package io.patchbay.launcher;
public class Main { public static void main(String[] a) {} }
