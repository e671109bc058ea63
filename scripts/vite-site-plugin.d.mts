import type { Plugin } from 'vite';
export function sitePlugin(): Plugin;
export function precompress(dir: string): number;
