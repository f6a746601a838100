import { email, maxLength, phone, required, type ValidationRules } from '../../forms/validation';

export type ApplicationField = 'fullName' | 'email' | 'phone' | 'desiredRole' | 'message' | 'parentFullName' | 'parentEmail';

export const emptyApplication: Readonly<Record<ApplicationField, string>> = {
  fullName: '',
  email: '',
  phone: '',
  desiredRole: '',
  message: '',
  parentFullName: '',
  parentEmail: '',
};

export const applicationRules: ValidationRules<ApplicationField> = {
  fullName: [required, maxLength(200)],
  email: [required, email, maxLength(254)],
  phone: [phone],
  desiredRole: [required],
  message: [maxLength(2000)],
  // A student's parent (optional; the server wants both or neither, and an address of the parent's own).
  parentFullName: [maxLength(200)],
  parentEmail: [email, maxLength(254)],
};
