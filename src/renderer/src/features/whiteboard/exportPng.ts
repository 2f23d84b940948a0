import type { BoardPainter } from './boardPainter'

/** Saves the board (1600 × 1000, on white) as a PNG download. */
export function exportPng(painter: BoardPainter, fileName: string): void {
  painter.snapshot('#ffffff').toBlob((blob) => {
    if (!blob) return
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.click()
    // The download has its own copy once it started.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }, 'image/png')
}

/** 2026-12-02-0930 in local time: sorts by date in a folder. */
export function fileStamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`
}
