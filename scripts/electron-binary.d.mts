export function electronPackageDir(): string | null
export function electronExecutable(): string | null
