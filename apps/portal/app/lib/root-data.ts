export interface RootData {
  locale: string;
  user: { name: string; email: string; isPlatformOperator: boolean } | null;
  devMailbox: boolean;
}
