import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { InvitationPage } from '../features/auth/InvitationPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage';
import { VerifyEmailPage } from '../features/auth/VerifyEmailPage';
import { ModerationTab } from '../features/commentaires/ModerationTab';
import { ApercuTab } from '../features/contrats/ApercuTab';
import { ContratLayout } from '../features/contrats/ContratLayout';
import { ContratsPage } from '../features/contrats/ContratsPage';
import { NewContratPage } from '../features/contrats/NewContratPage';
import { ContratsLiesTab } from '../features/contrats-lies/ContratsLiesTab';
import { CooperationsTab } from '../features/cooperations/CooperationsTab';
import { FichePage } from '../features/fiches/FichePage';
import { FichesTab } from '../features/fiches/FichesTab';
import { MaquetteTab } from '../features/maquette/MaquetteTab';
import { MembresTab } from '../features/membres/MembresTab';
import { OrientationsTab } from '../features/orientations/OrientationsTab';
import { ParticipationTab } from '../features/participation/ParticipationTab';
import { PerimetreTab } from '../features/perimetre/PerimetreTab';
import { ProjetTab } from '../features/projet/ProjetTab';
import { PropositionPage } from '../features/propositions/PropositionPage';
import { PropositionsTab } from '../features/propositions/PropositionsTab';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/** French paths: they are the product's addresses, shared by mail and read aloud. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/connexion', element: <LoginPage /> },
      { path: '/inscription', element: <RegisterPage /> },
      { path: '/verifier-email', element: <VerifyEmailPage /> },
      { path: '/mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: '/reinitialiser', element: <ResetPasswordPage /> },
      { path: '/invitation/:token', element: <InvitationPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <ContratsPage /> },
          { path: '/contrats/nouveau', element: <NewContratPage /> },
          { path: '/compte', element: <AccountPage /> },
        ],
      },
      {
        // Readable without an account when the contract is published, so not behind RequireAuth.
        path: '/contrats/:slug',
        element: <ContratLayout />,
        children: [
          { index: true, element: <ApercuTab /> },
          { path: 'projet', element: <ProjetTab /> },
          { path: 'perimetre', element: <PerimetreTab /> },
          { path: 'orientations', element: <OrientationsTab /> },
          { path: 'fiches', element: <FichesTab /> },
          { path: 'fiches/:ficheId', element: <FichePage /> },
          { path: 'maquette/:annee?', element: <MaquetteTab /> },
          { path: 'participation', element: <ParticipationTab /> },
          { path: 'propositions', element: <PropositionsTab /> },
          { path: 'propositions/:propositionId', element: <PropositionPage /> },
          { path: 'moderation', element: <ModerationTab /> },
          { path: 'membres', element: <MembresTab /> },
          { path: 'contrats-lies', element: <ContratsLiesTab /> },
          { path: 'cooperations', element: <CooperationsTab /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
