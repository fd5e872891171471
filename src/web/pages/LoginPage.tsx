import { LoginScreen } from '../modules/auth/LoginScreen';

export function LoginPage() {
  return <LoginScreen />;
}
