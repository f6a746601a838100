import { email, maxLength, phone, required, type ValidationRules } from '../../forms/validation';

export type ApplicationField = 'fullName' | 'email' | 'phone' | 'desiredRole' | 'message';

export const emptyApplication: Readonly<Record<ApplicationField, string>> = {
  fullName: '',
  email: '',
  phone: '',
  desiredRole: '',
  message: '',
};

export const applicationRules: ValidationRules<ApplicationField> = {
  fullName: [required, maxLength(200)],
  email: [required, email, maxLength(254)],
  phone: [phone],
  desiredRole: [required],
  message: [maxLength(2000)],
};
